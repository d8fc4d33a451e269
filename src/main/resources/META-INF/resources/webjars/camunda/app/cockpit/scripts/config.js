/*
 * Mitan's Cockpit configuration. It replaces the webapp's own scripts/config.js, whose options are all left
 * at Cockpit's defaults; the additions are the "Request history" plugin (request-history/plugin.js):
 * a page listing requests, running or finished, with each request's steps, user operations, incidents and
 * milestones, and an "Audit trail" tab on a running process instance; and read-only/read-only.js, which shows a
 * user only the buttons the engine lets them use. Hindi (locales/hi.json) is offered beside
 * English; a label hi.json does not have is shown in English. The Request history reads these locales too
 * (request-history/messages.js), to speak the language Cockpit chose from them.
 */
export default {
    // read-only/read-only.js: only the buttons the engine lets this user use.
    customScripts: ['request-history/plugin.js', 'read-only/read-only.js'],
    locales: {
        availableLocales: ['en', 'hi'],
        fallbackLocale: 'en',
    },
};
