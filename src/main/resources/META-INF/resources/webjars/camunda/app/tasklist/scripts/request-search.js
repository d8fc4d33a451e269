/*
 * Mitan: "find a request by its number" above the task list. Typing a request number (or part of one, e.g.
 * "000042") and pressing Enter puts Tasklist's own search pill "Process Instance Business Key" (the business key is
 * the request number) into the page address, so the list shows that request's tasks within the chosen filter; the
 * pill can be removed like any other. Nothing else of Tasklist changes; the engine decides as always what the user
 * may see.
 */
const FORM_CLASS = 'mitan-request-search';

function searchFor(text) {
  const number = text.trim().toUpperCase();
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.substring(0, at);
  const params = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  if (number) {
    // A whole number is looked up exactly; a part of one (digits, a year) with "like".
    const whole = /^[A-Z]{2,10}-\d{4}-\d{6}$/.test(number);
    params.set('searchQuery', JSON.stringify([{
      type: 'processInstanceBusinessKey',
      operator: whole ? 'eq' : 'Like',
      value: whole ? number : '%' + number + '%',
      name: ''
    }]));
  } else {
    params.delete('searchQuery');
  }
  params.delete('page');
  window.location.hash = path + '?' + params.toString();
}

function addForm() {
  if (document.querySelector('.' + FORM_CLASS)) {
    return;
  }
  const search = document.querySelector('.tasks-list [cam-widget-search], .tasks-list .cam-widget-search, [cam-widget-search]');
  if (!search || !search.parentNode) {
    return;
  }
  const form = document.createElement('form');
  form.className = FORM_CLASS;
  form.setAttribute('role', 'search');
  const input = document.createElement('input');
  input.type = 'search';
  input.name = 'requestNumber';
  input.className = 'form-control';
  input.placeholder = 'Request number (अनुरोध संख्या), e.g. RPR-2026-000042';
  input.setAttribute('aria-label', 'Find a request by its number (अनुरोध संख्या से खोजें)');
  input.autocomplete = 'off';
  form.appendChild(input);
  form.addEventListener('submit', event => {
    event.preventDefault();
    searchFor(input.value);
  });
  search.parentNode.insertBefore(form, search);
}

new MutationObserver(addForm).observe(document.documentElement, {childList: true, subtree: true});
addForm();

export default [];
