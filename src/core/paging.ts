/** Opaque page tokens: the sort key of the last item of the previous page, base64url-encoded. */
export function encodePageToken(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodePageToken<T>(token: string, isValid: (key: unknown) => key is T): T | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    return isValid(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

export const isString = (v: unknown): v is string => typeof v === "string";
