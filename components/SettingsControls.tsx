import type { ComponentChildren, JSX } from 'preact';

/** A labelled checkbox with an optional hint under it. */
export function Toggle(props: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}): JSX.Element {
  return (
    <div class="ml-field ml-field--toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="ml-field__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** One choice of a `Choices` group. */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A set of radio buttons in a fieldset whose legend names the setting. */
export function Choices<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  /** A note under the choices, read with the group (what a choice does in this browser). */
  hint?: string;
}): JSX.Element {
  const hintId = `${props.name}-hint`;
  return (
    <fieldset
      class="ml-choices"
      disabled={props.disabled}
      aria-describedby={props.hint ? hintId : undefined}
    >
      <legend class="ml-choices__legend">{props.legend}</legend>
      {props.choices.map((choice) => {
        const id = `${props.name}-${choice.value}`;
        return (
          <div key={choice.value} class="ml-choices__option">
            <input
              id={id}
              type="radio"
              name={props.name}
              value={choice.value}
              checked={choice.value === props.value}
              onChange={() => props.onChange(choice.value)}
            />
            <label for={id}>{choice.label}</label>
          </div>
        );
      })}
      {props.hint && (
        <p id={hintId} class="ml-field__hint">
          {props.hint}
        </p>
      )}
    </fieldset>
  );
}

/** A titled group of settings. */
export function SettingsSection(props: {
  id: string;
  title: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <section class="ml-settings__section" aria-labelledby={props.id}>
      <h3 id={props.id} class="ml-settings__heading">
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}
