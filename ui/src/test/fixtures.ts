// Data shared by several UI tests.
import type { ScheduleTiming } from "../ipc";

/** The 2024 working group in Vienna (UTC+2 in June): 12 June 10:00–13:00 and
 *  15:00–18:00 (starred), 13 June 10:00–13:00. */
export const viennaTiming: ScheduleTiming = {
  time_zone: "Europe/Vienna",
  zone_source: "venue",
  slots: [
    { key: "2024-06-12T10:00", starts_at: "2024-06-12T08:00:00+00:00", ends_at: "2024-06-12T11:00:00+00:00", starred: false },
    { key: "2024-06-12T15:00", starts_at: "2024-06-12T13:00:00+00:00", ends_at: "2024-06-12T16:00:00+00:00", starred: true },
    { key: "2024-06-13T10:00", starts_at: "2024-06-13T08:00:00+00:00", ends_at: "2024-06-13T11:00:00+00:00", starred: false },
  ],
};
