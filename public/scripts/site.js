/*
 * Sada: the site's only script, a progressive enhancement over server-rendered HTML.
 * Every page is complete without it. It runs the reader settings (theme, text size), the
 * settings panel and the mobile menu. Choices are stored under the keys that the inline
 * <head> script reads before the first paint (lib/reader/preferences.ts), so reloading
 * or opening another page never flashes the old theme or size.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var KEYS = { theme: 'sada:theme', textSize: 'sada:text-size' };
  var DEFAULTS = { theme: 'system', textSize: 'md' };
  var ATTRIBUTES = { theme: 'data-theme', textSize: 'data-text-size' };

  function read(key) {
    try {
      return localStorage.getItem(KEYS[key]);
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value === DEFAULTS[key]) localStorage.removeItem(KEYS[key]);
      else localStorage.setItem(KEYS[key], value);
    } catch (error) {
      /* Storage unavailable: the choice lasts for this page only. */
    }
  }

  /* ---- reader settings: groups of buttons with aria-pressed ---- */
  var groups = document.querySelectorAll('[data-preference]');

  function apply(key, value) {
    if (value === DEFAULTS[key]) root.removeAttribute(ATTRIBUTES[key]);
    else root.setAttribute(ATTRIBUTES[key], value);
    for (var i = 0; i < groups.length; i++) {
      if (groups[i].getAttribute('data-preference') !== key) continue;
      var buttons = groups[i].querySelectorAll('button[data-value]');
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].setAttribute('aria-pressed', String(buttons[j].getAttribute('data-value') === value));
      }
    }
  }

  function current(key) {
    var buttons = document.querySelectorAll('[data-preference="' + key + '"] button[data-value]');
    var stored = read(key);
    for (var i = 0; i < buttons.length; i++) if (buttons[i].getAttribute('data-value') === stored) return stored;
    return DEFAULTS[key];
  }

  for (var g = 0; g < groups.length; g++) {
    groups[g].addEventListener('click', function (event) {
      var button = event.target.closest('button[data-value]');
      if (!button) return;
      var key = this.getAttribute('data-preference');
      var value = button.getAttribute('data-value');
      write(key, value);
      apply(key, value);
    });
  }
  apply('theme', current('theme'));
  apply('textSize', current('textSize'));

  /* Keep other open tabs in step with a choice made here. */
  window.addEventListener('storage', function (event) {
    if (event.key === KEYS.theme) apply('theme', current('theme'));
    if (event.key === KEYS.textSize) apply('textSize', current('textSize'));
  });

  /* ---- disclosures: the settings panel and the mobile menu ---- */
  var toggles = document.querySelectorAll('button[data-disclosure]');

  function setOpen(toggle, open) {
    var target = document.getElementById(toggle.getAttribute('aria-controls'));
    if (!target) return;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) target.setAttribute('data-open', '');
    else target.removeAttribute('data-open');
  }

  function isOpen(toggle) {
    return toggle.getAttribute('aria-expanded') === 'true';
  }

  for (var t = 0; t < toggles.length; t++) {
    toggles[t].addEventListener('click', function () {
      var open = !isOpen(this);
      for (var i = 0; i < toggles.length; i++) if (toggles[i] !== this && isOpen(toggles[i])) setOpen(toggles[i], false);
      setOpen(this, open);
    });
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    for (var i = 0; i < toggles.length; i++) {
      if (!isOpen(toggles[i])) continue;
      var target = document.getElementById(toggles[i].getAttribute('aria-controls'));
      var focusInside = target && target.contains(document.activeElement);
      setOpen(toggles[i], false);
      if (focusInside || document.activeElement === toggles[i]) toggles[i].focus();
    }
  });

  /* A pointer press outside an open popover (data-dismiss-outside) closes it. */
  document.addEventListener('pointerdown', function (event) {
    for (var i = 0; i < toggles.length; i++) {
      if (!isOpen(toggles[i]) || !toggles[i].hasAttribute('data-dismiss-outside')) continue;
      var target = document.getElementById(toggles[i].getAttribute('aria-controls'));
      if (toggles[i].contains(event.target) || (target && target.contains(event.target))) continue;
      setOpen(toggles[i], false);
    }
  });
})();
