/**
 * Labelled form fields on the NL Design System components (TextInput, Radio, Checkbox of the
 * Rijkshuisstijl community package; the Utrecht select classes on a native select). Each takes its
 * value and an `onChange(value)`; `Field` (ui.tsx) wires label, description and error message.
 */
import { Checkbox, Radio, Textarea, TextInput } from '@rijkshuisstijl-community/components-react';
import {
  ChangeEvent,
  createElement,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { Field } from './ui';

/** What a labelled field shows around its control (see `Field`). */
interface FieldFrame {
  /** The control's id, when the form links to it (an error summary); generated otherwise. */
  id?: string;
  label: string;
  error?: string;
  description?: string;
}

type Controlled<T> = Omit<T, 'id' | 'value' | 'onChange' | 'className' | 'children'> & {
  /** Classes besides the design system's own. */
  className?: string;
  /** Called with the new value (not the event). */
  onChange: (value: string) => void;
};

const withClass = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);

/** A `select` in a `Field`: the design system's classes on it, and its value to `onChange`. */
function labelled<P extends FieldFrame & { className?: string; onChange: (value: string) => void }>(
  tag: 'select',
  base: string,
  { id, label, error, description, className, onChange, ...control }: P,
) {
  return (
    <Field id={id} label={label} error={error} description={description}>
      {(props) =>
        createElement(tag, {
          ...props,
          ...control,
          className: withClass(base, className),
          onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(event.target.value),
        })
      }
    </Field>
  );
}

type TextFieldProps = FieldFrame & Controlled<InputHTMLAttributes<HTMLInputElement>> & { value: string };

/** A labelled text box (text, date, e-mail, password, search) with its description and error message. */
export function TextField({ id, label, error, description, className, onChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} description={description}>
      {(props) => (
        <TextInput
          {...input}
          {...props}
          invalid={Boolean(error)}
          className={className}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled text area (a description of some sentences) with its description and error message. */
export function TextAreaField({
  id,
  label,
  error,
  description,
  className,
  onChange,
  ...input
}: FieldFrame & Controlled<TextareaHTMLAttributes<HTMLTextAreaElement>> & { value: string }) {
  return (
    <Field id={id} label={label} error={error} description={description}>
      {(props) => (
        <Textarea
          {...input}
          {...props}
          invalid={Boolean(error)}
          className={className}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** Two date fields side by side: the first and the last day of a period. */
export function PeriodFields({ from, to }: { from: Omit<TextFieldProps, 'type'>; to: Omit<TextFieldProps, 'type'> }) {
  return (
    <div className="form-row">
      <TextField {...from} type="date" />
      <TextField {...to} type="date" />
    </div>
  );
}

/** An option of a select: a value shown as itself, or a value and its label. */
export type Option = string | number | readonly [string | number, ReactNode];

/** A labelled select; `placeholder` is a first option with the empty value ("Alle statussen"). */
export function SelectField({
  placeholder,
  options,
  ...props
}: FieldFrame &
  Controlled<SelectHTMLAttributes<HTMLSelectElement>> & {
    value: string | number;
    placeholder?: string;
    options: readonly Option[];
  }) {
  const children = (
    <>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => {
        const [value, text] = typeof option === 'object' ? option : [option, option];
        return (
          <option key={value} value={value}>
            {text}
          </option>
        );
      })}
    </>
  );
  return labelled('select', 'utrecht-select utrecht-select--html-select', { ...props, children });
}

/** A radio button or checkbox with its label around it. */
export function Choice({
  type,
  className,
  children,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'children'> & {
  type: 'radio' | 'checkbox';
  /** Classes of the label besides the design system's own. */
  className?: string;
  children: ReactNode;
}) {
  const Control = type === 'radio' ? Radio : Checkbox;
  return (
    <label className={withClass(`utrecht-form-label utrecht-form-label--${type}`, className)}>
      <Control {...input} /> {children}
    </label>
  );
}
