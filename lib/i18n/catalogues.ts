/**
 * Every message catalogue, imported statically so the bundler includes them and TypeScript knows their keys.
 * One file per namespace and language (messages/<locale>/<namespace>.json); Traditional Chinese is derived
 * from Simplified (lib/i18n/traditional.ts), so it has no files of its own.
 */
import en_common from "@/messages/en/common.json";
import en_auth from "@/messages/en/auth.json";
import en_account from "@/messages/en/account.json";
import en_settings from "@/messages/en/settings.json";
import en_home from "@/messages/en/home.json";
import en_study from "@/messages/en/study.json";
import en_practice from "@/messages/en/practice.json";
import en_decks from "@/messages/en/decks.json";
import en_analyzer from "@/messages/en/analyzer.json";
import en_stats from "@/messages/en/stats.json";
import en_groups from "@/messages/en/groups.json";
import en_admin from "@/messages/en/admin.json";
import en_adminBank from "@/messages/en/adminBank.json";
import en_server from "@/messages/en/server.json";
import zhHans_common from "@/messages/zh-Hans/common.json";
import zhHans_auth from "@/messages/zh-Hans/auth.json";
import zhHans_account from "@/messages/zh-Hans/account.json";
import zhHans_settings from "@/messages/zh-Hans/settings.json";
import zhHans_home from "@/messages/zh-Hans/home.json";
import zhHans_study from "@/messages/zh-Hans/study.json";
import zhHans_practice from "@/messages/zh-Hans/practice.json";
import zhHans_decks from "@/messages/zh-Hans/decks.json";
import zhHans_analyzer from "@/messages/zh-Hans/analyzer.json";
import zhHans_stats from "@/messages/zh-Hans/stats.json";
import zhHans_groups from "@/messages/zh-Hans/groups.json";
import zhHans_admin from "@/messages/zh-Hans/admin.json";
import zhHans_adminBank from "@/messages/zh-Hans/adminBank.json";
import zhHans_server from "@/messages/zh-Hans/server.json";

export const enMessages = {
  common: en_common,
  auth: en_auth,
  account: en_account,
  settings: en_settings,
  home: en_home,
  study: en_study,
  practice: en_practice,
  decks: en_decks,
  analyzer: en_analyzer,
  stats: en_stats,
  groups: en_groups,
  admin: en_admin,
  adminBank: en_adminBank,
  server: en_server,
};
export const zhHansMessages = {
  common: zhHans_common,
  auth: zhHans_auth,
  account: zhHans_account,
  settings: zhHans_settings,
  home: zhHans_home,
  study: zhHans_study,
  practice: zhHans_practice,
  decks: zhHans_decks,
  analyzer: zhHans_analyzer,
  stats: zhHans_stats,
  groups: zhHans_groups,
  admin: zhHans_admin,
  adminBank: zhHans_adminBank,
  server: zhHans_server,
};

export type Messages = typeof enMessages;
export const NAMESPACES = Object.keys(enMessages) as Array<keyof Messages>;
