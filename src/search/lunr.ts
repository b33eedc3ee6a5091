import lunr from "lunr";
import stemmerSupport from "lunr-languages/lunr.stemmer.support.js";
import german from "lunr-languages/lunr.de.js";

// lunr-languages registers its German pipeline functions on the lunr object it is given.
stemmerSupport(lunr);
german(lunr);

export { lunr };
