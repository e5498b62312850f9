// The shape of a language's messages. A message is a string with {name}
// placeholders, or a plural: one form per CLDR plural category of the
// language (Intl.PluralRules picks the category; {count} is the number).

export type PluralCategory = Intl.LDMLPluralRule;

/** The forms of a counted message; "other" is required in every language. */
export type Plural = { readonly other: string } & { readonly [C in Exclude<PluralCategory, "other">]?: string };

export type Message = string | Plural;

/** Another language's table for `T` (the English one): the same keys, a
 *  string where English has a string and plural forms where it has them. */
export type MessagesLike<T> = { readonly [K in keyof T]: T[K] extends string ? string : Plural };
