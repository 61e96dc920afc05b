"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { StatusMessage, type Message } from "@/app/ui/form-bits";

const NoticeContext = createContext<(message: Message) => void>(() => {});

/**
 * The imported-decks section's status line. It sits outside the list: a deleted deck's row (with its button)
 * disappears when the page refreshes, and the confirmation must stay on screen after it.
 */
export function DeletionNoticeArea({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message>(null);
  return (
    <NoticeContext.Provider value={setMessage}>
      <StatusMessage message={message} />
      {children}
    </NoticeContext.Provider>
  );
}

export function useDeletionNotice(): (message: Message) => void {
  return useContext(NoticeContext);
}
