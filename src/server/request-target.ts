/**
 * The URL of a request from its target as the client sent it. Origin-form targets (`/path?query`)
 * are read against a fixed origin, so `//`, `//a@` or `//[::1` are paths, not scheme-relative URLs
 * naming a host; absolute-form targets (`http://host/path`) are parsed as they are. Anything else
 * (`*`, authority-form, garbage) has no URL: the listener answers it with a plain 400.
 */
export function requestUrl(target: string | undefined): URL | undefined {
  const raw = target ?? "/";
  try {
    return raw.startsWith("/") ? new URL(`http://skiff${raw}`) : /^https?:\/\//i.test(raw) ? new URL(raw) : undefined;
  } catch {
    return undefined;
  }
}
