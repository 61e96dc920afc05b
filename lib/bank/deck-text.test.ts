import { describe, expect, it } from "vitest";
import { deckTextsOf, deckTitleIn, localizeDeck } from "./deck-text";

const decks = [
  { slug: "cnn", translations: { zh: { title: "卷积网络", description: "卷积与感受野" } } },
  { slug: "rnn", translations: { zh: { title: "循环网络", description: "" } } },
  { slug: "mine", translations: {} },
  { slug: "broken", translations: { zh: { title: 42 } } },
];

describe("deckTextsOf", () => {
  it("gives Chinese readers the translated title and description by slug", () => {
    const text = deckTextsOf(decks, "zh");
    expect(text.title("cnn", "CNNs")).toBe("卷积网络");
    expect(text.description("cnn", "Convolutions")).toBe("卷积与感受野");
  });

  it("keeps the English where there is no translation, an empty description or an unknown slug", () => {
    const text = deckTextsOf(decks, "zh");
    expect(text.description("rnn", "Recurrent networks")).toBe("Recurrent networks");
    expect(text.title("mine", "My deck")).toBe("My deck");
    expect(text.title("broken", "Broken")).toBe("Broken");
    expect(text.title("unknown", "Unknown")).toBe("Unknown");
  });

  it("gives English readers the English", () => {
    const text = deckTextsOf(decks, "en");
    expect(text.title("cnn", "CNNs")).toBe("CNNs");
    expect(text.description("cnn", "Convolutions")).toBe("Convolutions");
  });
});

describe("localizeDeck", () => {
  it("agrees with deckTextsOf", () => {
    const deck = { slug: "rnn", title: "RNNs", description: "Recurrent networks", translations: decks[1]!.translations };
    const text = deckTextsOf(decks, "zh");
    expect(localizeDeck(deck, "zh")).toEqual({ slug: "rnn", title: text.title("rnn", "RNNs"), description: text.description("rnn", "Recurrent networks") });
  });
});

describe("deckTitleIn", () => {
  it("gives the translated title to Chinese readers and the English otherwise", () => {
    expect(deckTitleIn({ title: "CNNs", translations: decks[0]!.translations }, "zh")).toBe("卷积网络");
    expect(deckTitleIn({ title: "CNNs", translations: decks[0]!.translations }, "en")).toBe("CNNs");
    expect(deckTitleIn({ title: "My deck", translations: {} }, "zh")).toBe("My deck");
    expect(deckTitleIn({ title: "Broken", translations: decks[3]!.translations }, "zh")).toBe("Broken");
  });
});
