/*
 * Mitan's Admin configuration. It replaces the webapp's own scripts/config.js, which sets nothing; Hindi
 * (locales/hi.json) is offered beside English, and a label hi.json does not have is shown in English.
 */
export default {
  locales: {
    availableLocales: ['en', 'hi'],
    fallbackLocale: 'en'
  }
};
