"use client";

import { useEffect } from "react";
import { reportTimeZoneAction } from "@/app/study/actions";

/** Sends the browser's time zone once, so day boundaries match the learner's clock from the first session. */
export function TimeZoneReporter() {
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) void reportTimeZoneAction(timeZone).catch(() => {});
  }, []);
  return null;
}
