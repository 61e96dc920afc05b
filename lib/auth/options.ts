import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/login";
import { clientIp } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { isAppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";

/** Sessions last 30 days; the role and disabled flag are still re-read from the database on every request. */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const env = serverEnv();
        const headers = (request?.headers ?? {}) as Record<string, string | string[] | undefined>;
        try {
          const user = await authenticate(
            getDb(),
            { email: credentials?.email, password: credentials?.password, ip: clientIp(headers) },
            {
              maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
              maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
              windowSeconds: env.LOGIN_WINDOW_SECONDS,
            },
          );
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          // next-auth passes an Error's message to the client as `error`; only ever our own, safe messages.
          if (isAppError(error)) throw new Error(error.message);
          console.error("login failed unexpectedly", error);
          throw new Error(GENERIC_ERROR_MESSAGE);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `authTime` lets lib/auth/session.ts reject tokens issued before the last password change.
      if (user) token.authTime = Date.now();
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, authTime: token.authTime };
    },
  },
};
