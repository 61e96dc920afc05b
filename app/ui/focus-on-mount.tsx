"use client";

import Link from "next/link";
import { useEffect, useRef, type ComponentProps } from "react";

/**
 * A link that takes keyboard focus when the page opens, so Enter follows it. The focus is moved after the router
 * has finished its own focus handling for the navigation (which would otherwise keep the clicked nav link).
 */
export function FocusedLink(props: ComponentProps<typeof Link>) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => ref.current?.focus(), 50);
    return () => clearTimeout(timer);
  }, []);
  return <Link ref={ref} {...props} />;
}
