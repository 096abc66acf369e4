// subset-font (npm) ships no type declarations; src/fonts/build-fonts.ts types the one call it makes.
declare module 'subset-font';
