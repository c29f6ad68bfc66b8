/** Parts of fr.json / en.json served by the `relaisCatalogues` plugin in web/vite.config.ts. */
declare module 'virtual:relais-i18n/*' {
  const messages: Record<string, unknown>;
  export default messages;
}
