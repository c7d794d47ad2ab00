import { getRequestConfig } from 'next-intl/server';
import { isLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  if (!isLocale(requested)) {
    // Every route is generated per locale; anything else is a bug worth failing the build for.
    throw new Error(`No messages for locale "${String(requested)}": expected one of the published locales.`);
  }
  return { locale: requested, messages: loadMessages(requested) };
});
