/** A user-facing text in both product languages. */
export interface BilingualText {
  en: string;
  zh: string;
}

export const bilingual = (en: string, zh: string): BilingualText => ({ en, zh });
