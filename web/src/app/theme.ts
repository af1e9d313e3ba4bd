import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  Modal,
  Select,
} from '@mantine/core';

/**
 * The Mantine theme, tuned to WCAG 2.1 AA (the browser tests audit every screen with axe-core:
 * test/browser/support/axe.ts). Accessibility notes for new screens:
 * - Text colours: `c="dimmed"` for secondary text, `c="red.8"`/`"green.8"`/`"orange.8"` for coloured text; the
 *   lighter shades (0–7) are for backgrounds and borders, not for text.
 * - Badges and buttons in any variant and theme colour meet 4.5:1 here (filled uses shade 8 with white text;
 *   light and subtle use shade 9 on shades 1–2).
 * - A link inside a sentence needs an underline (`underline="always"`); a link standing alone need not.
 * - No interactive element inside another (a button inside a link, or inside a draggable with role="button").
 * - Icon-only buttons get an `aria-label`; every input a `label` (or `aria-label`).
 */

/**
 * Mantine's palettes (gray and dark are fine as they are) with shades 7–9 darkened, each just enough (scaled
 * towards black) that these pairs reach 4.6:1: shade 8 — filled badges and buttons under white text, outline
 * and `c="X.8"` text — on white, gray.0, its own shade 1 and orange.1 (the missing panel); shade 9 — the text
 * of the light and subtle variants — on its shades 1 and 2 (the hover). Shade 7 sits between 6 and the new 8.
 * Shades 0–6 are Mantine's own.
 */
function darkened(color: keyof typeof DEFAULT_THEME.colors, seven: string, eight: string, nine?: string) {
  const shades = DEFAULT_THEME.colors[color];
  if (!shades) throw new Error(`Mantine has no colour ${color}`);
  return [...shades.slice(0, 7), seven, eight, nine ?? shades[9]] as unknown as MantineColorsTuple;
}

const colors = {
  red: darkened('red', '#e03f3f', '#c52b2b', '#af2525'),
  pink: darkened('pink', '#d3376e', '#c0255b'),
  grape: darkened('grape', '#ac40c6', '#9935b1'),
  violet: darkened('violet', '#7048e8', '#6741d9', '#5939b8'),
  indigo: darkened('indigo', '#4364e6', '#3a59d7', '#3249b7'),
  blue: darkened('blue', '#1d7acc', '#1768b2', '#165b9c'),
  cyan: darkened('cyan', '#108ea2', '#0a7284', '#0a6576'),
  teal: darkened('teal', '#0d986e', '#077855', '#076c4d'),
  green: darkened('green', '#329c46', '#247834', '#216a30'),
  lime: darkened('lime', '#649f14', '#46740a', '#406809'),
  yellow: darkened('yellow', '#ca8503', '#9a5a00', '#914b00'),
  orange: darkened('orange', '#d9620f', '#b54509', '#a7370c'),
};

/** Secondary text: Mantine's dimmed (gray.6, 3.3:1 on white) → 6.1:1 on white, 4.8:1 on indigo.1. */
const DIMMED = '#5c636a';
/** A field's error message and its invalid text: Mantine's red.6 (3.3:1 on white) → red.8. */
const ERROR = colors.red[8];

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': DIMMED, '--mantine-color-error': ERROR },
  dark: {},
});

export const theme = createTheme({
  // People who ask their system for less motion get no sliding panels or fading menus.
  respectReducedMotion: true,
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'sm',
  colors,
  components: {
    // The dialogs' icon-only close button gets a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close the dialog' } } }),
    // A long option list scrolls in the listbox itself — the element the combobox input controls and moves
    // through with the arrow keys — not in a scroll area around it, which the keyboard could not reach.
    Select: Select.extend({
      defaultProps: { withScrollArea: false },
      styles: { options: { maxHeight: 220, overflowY: 'auto' } },
    }),
  },
});
