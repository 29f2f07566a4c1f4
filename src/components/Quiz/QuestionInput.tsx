/**
 * One question's input, by type: radios (single, true-false), checkboxes (multiple), a text
 * field that takes Persian digits (numeric), and a list with up/down buttons (ordering: no
 * dragging needed, so it works from the keyboard and with a screen reader).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { toPersianDigits } from '@site/src/domain/digits';
import { parseNumber } from '@site/src/domain/quiz/answers';
import type { LearnerAnswer, PublicQuestion } from '@site/src/domain/quiz/types';
import styles from './styles.module.css';

export interface QuestionInputProps {
  readonly question: PublicQuestion;
  readonly answer: LearnerAnswer | undefined;
  readonly disabled: boolean;
  readonly onAnswer: (answer: LearnerAnswer) => void;
  /** For a message the input itself finds (a number that is not a number). */
  readonly onInvalid: (message: string | undefined) => void;
}

function Choice({ question, answer, disabled, onAnswer, multiple }: QuestionInputProps & { multiple: boolean }): ReactNode {
  const chosen = new Set(Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : []);
  return (
    <ul className={styles.options}>
      {(question.options ?? []).map((option) => {
        const id = `q-${question.id}-${option.id}`;
        return (
          <li key={option.id}>
            <input
              id={id}
              type={multiple ? 'checkbox' : 'radio'}
              name={`q-${question.id}`}
              value={option.id}
              checked={chosen.has(option.id)}
              disabled={disabled}
              onChange={(e) => {
                if (!multiple) return onAnswer(option.id);
                const next = new Set(chosen);
                if (e.target.checked) next.add(option.id);
                else next.delete(option.id);
                // Kept in the options' order, so the saved answer does not depend on click order.
                onAnswer((question.options ?? []).map((o) => o.id).filter((o) => next.has(o)));
              }}
            />
            <label htmlFor={id}>{option.text}</label>
          </li>
        );
      })}
    </ul>
  );
}

function TrueFalse({ question, answer, disabled, onAnswer }: QuestionInputProps): ReactNode {
  return (
    <ul className={`${styles.options} ${styles.inline}`}>
      {([
        [true, 'درست'],
        [false, 'نادرست'],
      ] as const).map(([value, label]) => {
        const id = `q-${question.id}-${value}`;
        return (
          <li key={label}>
            <input id={id} type="radio" name={`q-${question.id}`} value={String(value)} checked={answer === value} disabled={disabled} onChange={() => onAnswer(value)} />
            <label htmlFor={id}>{label}</label>
          </li>
        );
      })}
    </ul>
  );
}

function Numeric({ question, answer, disabled, onAnswer, onInvalid }: QuestionInputProps): ReactNode {
  const [text, setText] = useState(typeof answer === 'number' ? toPersianDigits(String(answer)).replace('.', '٫') : '');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (value: string) => {
    clearTimeout(timer.current);
    if (value.trim() === '') return onInvalid(undefined);
    const number = parseNumber(value, question.unit);
    if (number === undefined) return onInvalid('یک عدد وارد کنید (رقم‌های فارسی یا انگلیسی).');
    onInvalid(undefined);
    if (number !== answer) onAnswer(number);
  };

  return (
    <p className={styles.numeric}>
      <label htmlFor={`q-${question.id}-value`} className="sr-only">
        پاسخ عددی
      </label>
      <input
        id={`q-${question.id}-value`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          // Saved after a short pause in typing, and at once when the field is left.
          clearTimeout(timer.current);
          const value = e.target.value;
          timer.current = setTimeout(() => commit(value), 600);
        }}
        onBlur={(e) => commit(e.target.value)}
      />
      {question.unit && <span className={styles.unit}>{question.unit}</span>}
    </p>
  );
}

function Ordering({ question, answer, disabled, onAnswer }: QuestionInputProps): ReactNode {
  const options = question.options ?? [];
  const order = Array.isArray(answer) && answer.length === options.length ? (answer as string[]) : options.map((o) => o.id);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const textOf = (id: string) => options.find((o) => o.id === id)?.text ?? id;

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onAnswer(next);
    setAnnouncement(`«${textOf(next[target]!)}» به جایگاه ${toPersianDigits(target + 1)} رفت.`);
    // Keep the keyboard on the item that moved, so pressing again moves it further.
    const key = `${next[target]}:${by}`;
    requestAnimationFrame(() => {
      const button = buttons.current.get(key);
      if (button && !button.disabled) button.focus();
      else buttons.current.get(`${next[target]}:${-by}`)?.focus();
    });
  };

  return (
    <>
      <p className={styles.hint}>گزینه‌ها را با دکمه‌های «بالا» و «پایین» به ترتیب درست بچینید.</p>
      <ol className={styles.ordering}>
        {order.map((id, index) => (
          <li key={id} data-option-id={id}>
            <span className={styles.orderText}>{textOf(id)}</span>
            <span className={styles.orderButtons}>
              <button
                type="button"
                className="button button--sm button--secondary"
                ref={(el) => {
                  buttons.current.set(`${id}:-1`, el);
                }}
                disabled={disabled || index === 0}
                aria-label={`بالا بردن «${textOf(id)}»`}
                onClick={() => move(index, -1)}
              >
                بالا
              </button>
              <button
                type="button"
                className="button button--sm button--secondary"
                ref={(el) => {
                  buttons.current.set(`${id}:1`, el);
                }}
                disabled={disabled || index === order.length - 1}
                aria-label={`پایین بردن «${textOf(id)}»`}
                onClick={() => move(index, 1)}
              >
                پایین
              </button>
            </span>
          </li>
        ))}
      </ol>
      {/* The shown order may already be the learner's answer: let them give it without moving anything. */}
      {answer === undefined && !disabled && (
        <button type="button" className="button button--sm button--outline button--primary" onClick={() => onAnswer(order)}>
          همین ترتیب را ثبت کن
        </button>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

export default function QuestionInput(props: QuestionInputProps): ReactNode {
  switch (props.question.type) {
    case 'single':
      return <Choice {...props} multiple={false} />;
    case 'multiple':
      return <Choice {...props} multiple />;
    case 'true-false':
      return <TrueFalse {...props} />;
    case 'numeric':
      return <Numeric {...props} />;
    case 'ordering':
      return <Ordering {...props} />;
  }
}
