import { translator } from '@/i18n/translator';
import type { Locale } from '@/i18n/locales';
import { defaultTextSize, textSizes, themes } from '@/lib/reader/preferences';
import { Icon } from './Icon';

/**
 * The reader's display settings: text size (four steps) and theme (follow the system, light,
 * dark), in a small panel opened from the header. They need JavaScript to take effect, so
 * they are shown only once the inline head script has marked the page as scripted (`.js`),
 * before the first paint; without JavaScript the page follows the browser's own settings.
 * Buttons are plain `<button aria-pressed>`, operable with Tab, Enter and Space; Escape closes
 * the panel. public/scripts/site.js sets the pressed states from the stored choice.
 */
export function ReaderSettings({ locale }: { locale: Locale }) {
  const t = translator(locale, 'ReaderSettings');
  const header = translator(locale, 'Header');
  return (
    <div className="reader-settings needs-js">
      <button
        type="button"
        className="header-button"
        aria-expanded="false"
        aria-controls="reader-settings-panel"
        data-disclosure=""
        data-dismiss-outside=""
      >
        <Icon name="settings" />
        <span>{header('settings')}</span>
      </button>
      <div id="reader-settings-panel" className="settings-panel" role="group" aria-label={t('title')}>
        <div className="setting" role="group" aria-labelledby="setting-text-size" data-preference="textSize">
          <p id="setting-text-size" className="setting-label">
            {t('textSize')}
          </p>
          <div className="segmented">
            {textSizes.map((size) => (
              <button key={size} type="button" data-value={size} aria-pressed={size === defaultTextSize} className={`size-${size}`}>
                {t(`textSizes.${size}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="setting" role="group" aria-labelledby="setting-theme" data-preference="theme">
          <p id="setting-theme" className="setting-label">
            {t('theme')}
          </p>
          <div className="segmented segmented-3">
            {themes.map((theme) => (
              <button key={theme} type="button" data-value={theme} aria-pressed={theme === 'system'}>
                {t(`themes.${theme}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
