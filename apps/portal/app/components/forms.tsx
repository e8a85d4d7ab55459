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

/** The hint and the error under a field's label, and the attributes that tie them to the input. */
function HintAndError({ id, hint, error }: Omit<BaseProps, 'label'>) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

const described = ({ id, hint, error }: Omit<BaseProps, 'label'>) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`),
});

/** One labelled control: the label, its hint and error, then the control. */
function Field(props: BaseProps & { children: React.ReactNode }) {
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <HintAndError {...props} />
      {props.children}
    </div>
  );
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
  return (
    <Field {...props}>
      <input
        id={props.id}
        name={props.name ?? props.id}
        type="text"
        className={props.width === 'short' ? 'input input--short' : 'input'}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        {...described(props)}
      />
    </Field>
  );
}

/** A day typed as YYYY-MM-DD (short, numeric), as the coordinator's forms ask for. */
export function DayField(props: BaseProps & { defaultValue?: string }) {
  return <TextField {...props} width="short" inputMode="numeric" />;
}

export function TextArea(props: BaseProps & { name?: string; defaultValue?: string; rows?: number }) {
  return (
    <Field {...props}>
      <textarea
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 6}
        className="textarea"
        defaultValue={props.defaultValue}
        {...described(props)}
      />
    </Field>
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
  const { id, label, error, name, type, choices } = props;
  return (
    <fieldset
      className={`field${error ? ' field--error' : ''}`}
      aria-describedby={described(props)['aria-describedby']}
    >
      <legend>{label}</legend>
      <HintAndError {...props} />
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

/** One yes-box in its own fieldset (a consent, "private"): checked sends `name=yes`. */
export function YesBox(
  props: BaseProps & { name?: string; choiceLabel: string; choiceHint?: string; checked?: string[] },
) {
  return (
    <Choices
      {...props}
      name={props.name ?? props.id}
      type="checkbox"
      choices={[{ value: 'yes', label: props.choiceLabel, hint: props.choiceHint }]}
    />
  );
}

export function Select(
  props: BaseProps & { name?: string; choices: Choice[]; defaultValue?: string; placeholder: string },
) {
  return (
    <Field {...props}>
      <select
        id={props.id}
        name={props.name ?? props.id}
        className="select"
        defaultValue={props.defaultValue ?? ''}
        {...described(props)}
      >
        <option value="">{props.placeholder}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A form that changes something: POST, the CSRF token, which of the page's forms it is, and the
 * server's validation only (the browser's would come before the error summary).
 */
export function PostForm(props: {
  intent?: string;
  labelledBy?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <form method="post" noValidate aria-labelledby={props.labelledBy} className={props.className}>
      <Csrf />
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      {props.children}
    </form>
  );
}

/** The form's main button; never disabled (the server says what is missing). */
export function Submit({ children, name, value }: { children: React.ReactNode; name?: string; value?: string }) {
  return (
    <button type="submit" className="button" name={name} value={value}>
      {children}
    </button>
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
