/**
 * Slack's message markup, read back as what the user sees: `<@U123>` mentions of the bot are dropped,
 * other mentions and links become their visible label, and the three escaped characters are restored.
 * See https://docs.slack.dev/messaging/formatting-message-text
 */
export function plainTextOf(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (target.startsWith("@")) return target.slice(1) === botUserId ? " " : (label ?? "");
      if (target.startsWith("#")) return label ? `#${label}` : "";
      if (target.startsWith("!")) return label ?? "";
      return label ?? target.replace(/^mailto:/, "");
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Text for Slack's mrkdwn: the three characters Slack reserves are escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link in mrkdwn; "|" would end the address or the label early. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, "%7C")}|${escapeMrkdwn(label).replace(/\|/g, "/")}>`;
}

/** The core's inline markup (**bold**, [label](url)) in Slack's mrkdwn (*bold*, <url|label>). */
export function toMrkdwn(text: string): string {
  // Split around links: plain text, then label and address of each link, in turn.
  const parts = text.split(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/);
  let mrkdwn = "";
  for (let i = 0; i < parts.length; i += 3) {
    mrkdwn += escapeMrkdwn(parts[i] ?? "").replace(/\*\*([^*]+)\*\*/g, "*$1*");
    const label = parts[i + 1];
    const url = parts[i + 2];
    if (label !== undefined && url !== undefined) mrkdwn += mrkdwnLink(url, label);
  }
  return mrkdwn;
}
