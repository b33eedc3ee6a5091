/**
 * Whether two words differ by one edit after the first letter, where swapping two neighbouring letters
 * counts as one edit ("Bürgerrta", Damerau–Levenshtein), not two. People rarely mistype a word's first
 * letter, and an extra one in front is usually another word ("ePartizipation", "Partizipation"). Callers
 * allow it only for words long enough not to have many such neighbours.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a[0] !== b[0]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i))
    return true;
  return a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
