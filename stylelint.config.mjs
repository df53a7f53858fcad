// `npm run lint:css`, run by `npm test`: colours live in the token file only, so contrast is checked in one place.
const colourLiterals = {
  'color-no-hex': true,
  'color-named': 'never',
  'function-disallowed-list': ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color'],
};

/** @type {import('stylelint').Config} */
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    ...colourLiterals,
    // BEM: block, __element, --modifier (a modifier may carry a contract value such as due_soon).
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+([-_][a-z0-9]+)*)?$',
      { message: (selector) => `Expected class selector "${selector}" to be BEM in kebab-case` },
    ],
    // Reordering or merging selectors for these would change which rule wins; the order is deliberate.
    'no-descending-specificity': null,
    'selector-not-notation': null,
    // Range syntax (width <= 48rem) needs newer browsers than the prefix form.
    'media-feature-range-notation': 'prefix',
  },
  overrides: [
    {
      files: ['apps/web/src/shared/ui/tokens.css'],
      rules: Object.fromEntries(Object.keys(colourLiterals).map((rule) => [rule, null])),
    },
  ],
};
