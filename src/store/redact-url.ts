// Hides the secrets of a store or queue URL (the password in its user info, `password=` settings) before it goes into a message.

/** scheme://user:password@ — the password runs to the last `@` before white space, so that an unescaped `@` in it is hidden too. */
const USER_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*):[^\s]*@/gi;
/** nats://token@ — NATS takes a user info without a colon as a token. */
const NATS_TOKEN = /\b(nats:\/\/)[^\s:@/?#]+@/gi;
/** password=… (also sslpassword=…) in a query string or a key=value connection string. */
const PASSWORD_SETTING = /\b(\w*password)=('[^']*'|[^\s&;]*)/gi;

/** The text with every password of a URL (or connection string) in it replaced by `***`; the rest stays readable. */
export function redactUrl(text: string): string {
  return text
    .replace(USER_PASSWORD, '$1:***@')
    .replace(NATS_TOKEN, '$1***@')
    .replace(PASSWORD_SETTING, '$1=***');
}
