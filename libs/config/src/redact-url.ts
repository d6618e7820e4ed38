/** Hides a password in a URL before it goes into a log line. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
