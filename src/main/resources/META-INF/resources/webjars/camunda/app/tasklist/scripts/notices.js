/*
 * Mitan: a notice that stays at the top of Tasklist until the user closes it, in English and Hindi, for what the
 * user has just done (a request registered, a task completed). Tasklist's own toast goes away after a few seconds
 * and says nothing about which request it was.
 */

/**
 * Shows the notice with this id (replacing an earlier one): the English sentence given as nodes and text, a
 * highlighted value (a request number) with the class given, and the Hindi sentence.
 */
export function showNotice(id, english, hindi) {
    document.getElementById(id)?.remove();
    const notice = document.createElement('div');
    notice.id = id;
    notice.className = 'mitan-notice';
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    const inEnglish = document.createElement('p');
    inEnglish.append(...english);
    const inHindi = document.createElement('p');
    inHindi.lang = 'hi';
    inHindi.textContent = hindi;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'Close / बंद करें');
    close.textContent = '×';
    close.addEventListener('click', () => notice.remove());
    notice.append(inEnglish, inHindi, close);
    document.body.appendChild(notice);
    return notice;
}

/** A strong element holding a value (a request number) with the class given. */
export function highlighted(text, className) {
    const strong = document.createElement('strong');
    strong.className = className;
    strong.textContent = text;
    return strong;
}
