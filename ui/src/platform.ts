export type Platform = "mac" | "windows" | "linux";

/** The desktop platform a webview runs on, from its user agent (WKWebView,
 *  WebView2 and WebKitGTK all say it). Anything else is treated as Linux. */
export function platformOf(userAgent: string): Platform {
  if (/Windows/.test(userAgent)) return "windows";
  if (/Macintosh|Mac OS X/.test(userAgent)) return "mac";
  return "linux";
}
