import { useEffect, useRef } from 'react';
import { useRoot, useT } from '../lib/use-root';

/** A field's error as the server found it: the field's id and what to do about it. */
export interface FieldError {
  field: string;
  message: string;
}

/** What every form action answers when it refuses: the errors and what was typed. */
export interface FormFailure {
  errors: FieldError[];
  values: Record<string, string | string[]>;
}

export function Csrf() {
  const { login } = useRoot();
  return <input type="hidden" name="_csrf" value={login?.csrf ?? ''} />;
}

/** The public-service error summary: first on the page, takes focus, links to each field. */
export function ErrorSummary({ errors }: { errors: FieldError[] | undefined }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors?.length) ref.current?.focus();
  }, [errors]);
  if (!errors?.length) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      data-error-summary
    >
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            <a
              href={`#${e.field}`}
              onClick={(event) => {
                // The link moves focus to the field itself, not only the view (selects and radios too).
                const field = document.getElementById(e.field);
                if (!field) return;
                event.preventDefault();
                field.scrollIntoView({ block: 'center' });
                field.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const errorFor = (errors: FieldError[] | undefined, field: string) =>
  errors?.find((e) => e.field === field)?.message;

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface BaseProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextField(
  props: BaseProps & {
    name?: string;
    defaultValue?: string;
    autoComplete?: string;
    inputMode?: 'numeric' | 'text';
    width?: 'short';
  },
) {
  const { id, label, hint, error } = props;
  const t = useT();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name ?? id}
        type="text"
        className={props.width === 'short' ? 'input input--short' : 'input'}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

export function TextArea(props: BaseProps & { name?: string; defaultValue?: string; rows?: number }) {
  const { id, label, hint, error } = props;
  const t = useT();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name ?? id}
        rows={props.rows ?? 6}
        className="textarea"
        defaultValue={props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** Radios or checkboxes in a fieldset; the first input carries the field's id for the summary's link. */
export function Choices(
  props: BaseProps & {
    name: string;
    type: 'radio' | 'checkbox';
    choices: Choice[];
    checked?: string[];
  },
) {
  const { id, label, hint, error, name, type, choices } = props;
  const t = useT();
  return (
    <fieldset
      className={`field${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>{label}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      ) : null}
      {choices.map((c, i) => {
        const inputId = i === 0 ? id : `${id}-${i}`;
        return (
          <div className="choice" key={c.value}>
            <input
              id={inputId}
              type={type}
              name={name}
              value={c.value}
              defaultChecked={props.checked?.includes(c.value)}
              aria-describedby={c.hint ? `${inputId}-hint` : undefined}
            />
            <label htmlFor={inputId}>{c.label}</label>
            {c.hint ? (
              <p className="hint choice__hint" id={`${inputId}-hint`}>
                {c.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export function Select(
  props: BaseProps & { name?: string; choices: Choice[]; defaultValue?: string; placeholder: string },
) {
  const { id, label, hint, error } = props;
  const t = useT();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={props.name ?? id}
        className="select"
        defaultValue={props.defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        <option value="">{props.placeholder}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A confirmation after a saved change (POST, redirect, GET): announced, not an alert. */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice" role="status">
      <p>{children}</p>
    </div>
  );
}
