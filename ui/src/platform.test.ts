import { describe, expect, it } from "vitest";
import { platformOf } from "./platform";

describe("platformOf", () => {
  it("tells the three webviews apart by their user agents", () => {
    expect(platformOf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0")).toBe("windows");
    expect(platformOf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)")).toBe("mac");
    expect(platformOf("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/605.1.15")).toBe("linux");
  });
  it("treats an unknown agent as Linux (generic font families)", () => {
    expect(platformOf("")).toBe("linux");
  });
});
