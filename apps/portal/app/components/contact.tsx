import type { ContactNowFieldsFragment, ContactPersonFieldsFragment } from '../graphql/generated/graphql';
import { formatDay } from '../lib/i18n';
import {
  callTarget,
  contactNowSentence,
  fullName,
  type Named,
  telHref,
  titleLabel,
  weekdayLabel,
} from '../lib/present';
import { useRoot, useT } from '../lib/use-root';

/** Who to contact now and why, with the number as a big tel: link when it is shared. */
export function ContactNowBox(props: {
  now: ContactNowFieldsFragment;
  primary: Named | null | undefined;
  clientName: string;
  phonesShared: boolean;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const { lang } = useRoot();
  const target = callTarget(props.now, t);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="contact-now" aria-label={t('contact.now')}>
      <Heading className="contact-now__title">{t('contact.now')}</Heading>
      <p className="contact-now__reason">{contactNowSentence(props.now, props.primary, t, lang)}</p>
      {target.number ? (
        <p>
          <a className="button button--call" href={telHref(target.number)}>
            {target.label}: <span className="phone-number">{target.number}</span>
          </a>
        </p>
      ) : props.phonesShared ? null : (
        <p className="not-shared">{t('contact.noPhonesShared', props.clientName)}</p>
      )}
    </section>
  );
}

/**
 * The fixed contact or the deputy: name, title, phone, when reachable. Away today: the absence, and
 * who to call instead, in place of when they can be reached.
 */
export function ContactCard(props: {
  heading: string;
  person: ContactPersonFieldsFragment | null | undefined;
  now?: ContactNowFieldsFragment | null;
}) {
  const t = useT();
  const { lang } = useRoot();
  const p = props.person;
  const instead = p?.away && props.now?.contact && props.now.contact.staffId !== p.staffId ? props.now.contact : null;
  return (
    <section className="card">
      <h2 className="card__title">{props.heading}</h2>
      {p ? (
        <>
          <p className="card__name">{fullName(p, t)}</p>
          <p>{titleLabel(p.title, t)}</p>
          {p.away ? (
            <p className="away">
              <strong>{t('contact.away', p.away.lastDay ? formatDay(p.away.lastDay, lang) : null)}.</strong>
              {instead ? <> {t('contact.callInstead', fullName(instead, t))}</> : null}
            </p>
          ) : null}
          {p.workMobile ? (
            <p>
              {t('contact.phone')}: <a href={telHref(p.workMobile)}>{p.workMobile}</a>
            </p>
          ) : null}
          {!p.away && p.workingHours?.length ? (
            <>
              <h3 className="card__subtitle">{t('contact.reachable')}</h3>
              <ul className="plain-list">
                {p.workingHours.map((h) => (
                  <li key={`${h.weekday}-${h.start}`}>
                    {weekdayLabel(h.weekday, t)} {h.start}–{h.end}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>{t('contact.noneAppointed')}</p>
      )}
    </section>
  );
}
