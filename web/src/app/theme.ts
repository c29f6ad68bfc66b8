import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Required fields carry aria-required; a visible asterisk would end up inside the label text that tests read.
// Plain objects (not Component.extend) so the theme does not pull every input into the entry chunk.
const noAsterisk = { defaultProps: { withAsterisk: false } };
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// Shade 8 keeps text on the primary colour above WCAG AA contrast (the default shade does not).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  // People who ask their system for less motion get none (also makes layout changes instant for the e2e checks).
  respectReducedMotion: true,
  defaultRadius: 'md',
  fontFamily: font,
  headings: { fontFamily: font },
  components: {
    TextInput: noAsterisk,
    PasswordInput: noAsterisk,
    Textarea: noAsterisk,
    Select: noAsterisk,
    NativeSelect: noAsterisk,
    NumberInput: noAsterisk,
    FileInput: noAsterisk,
  },
});

// Mantine's dimmed text (gray 6) and error red (red 6) are below 4.5:1 on white: use darker shades.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    // Light variants (badges, light buttons and alerts) write their text in shade 9 so it stays readable.
    ...Object.fromEntries(
      ['blue', 'red', 'green', 'orange', 'gray', 'yellow'].flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
        [`--mantine-color-${c}-outline`, `var(--mantine-color-${c}-9)`],
      ]),
    ),
  },
  dark: {},
});

/** What App (in the browser) and the build-time render of the sign-in page give MantineProvider. */
export const mantineProps = { theme, defaultColorScheme: 'light', cssVariablesResolver } as const;
