import { useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useT } from '../lib/use-root';
import { Csrf } from './forms';

/**
 * Three minutes before the idle limit, a warning the person can answer. The answer is an ordinary
 * form (it works without JavaScript too: /session offers the same button).
 */
export function IdleWarning({ minutes }: { minutes: number }) {
  const t = useT();
  const location = useLocation();
  const [show, setShow] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every navigation is activity, so the clock restarts
  useEffect(() => {
    setShow(false);
    const timer = setTimeout(() => setShow(true), Math.max(minutes - 3, 1) * 60_000);
    return () => clearTimeout(timer);
  }, [minutes, location.key]);
  if (!show) return null;
  return (
    <div className="idle-warning" role="alert">
      <h2>{t('idle.title')}</h2>
      <p>{t('idle.warning')}</p>
      <form method="post" action="/session">
        <Csrf />
        <input type="hidden" name="back" value={`${location.pathname}${location.search}`} />
        <button type="submit" className="button">
          {t('idle.keep')}
        </button>
      </form>
    </div>
  );
}
