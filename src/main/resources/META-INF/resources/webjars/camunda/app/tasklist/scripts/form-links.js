/*
 * Mitan: a link in a task form opens in a new tab. Form-js draws a form's markdown links (the scans an officer looks
 * at before deciding, the certificate's PDF) without a target, so a click left Tasklist, and the form with what the
 * officer had typed in it, for the scan. The link gets its target as it is clicked (a capture listener runs before
 * the browser follows it), so links form-js draws again later are caught too. Registered by scripts/config.js
 * (customScripts). Plain ES module, no build step.
 */
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('.fjs-container a[href]') : null;
    const href = link ? link.getAttribute('href') : '';
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) {
        return;
    }
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
}, true);
