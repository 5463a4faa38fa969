import type { ReactNode } from 'react';
import { Col, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { EXPORT_RETURN_REQUIRED_FIELDS } from '@returntrace/domain';

/** Colour class and validation rules of a field, shared by the form's sections. */
export interface FieldKit {
  /** `rt-f-req` (yellow, required) or `rt-f-opt` (white, optional) */
  cls: (key: string) => string;
  /** one rule that asks the domain schema about this field's current value */
  rules: (key: string) => Rule[];
  editable: boolean;
}

const REQUIRED = new Set<string>(['importDeclarationNo', ...EXPORT_RETURN_REQUIRED_FIELDS]);

/** Required-ness comes from the domain's list of submit-required fields (`manufacturer` covers its three parts). */
export function isRequired(key: string, qualityChosen: boolean): boolean {
  if (key === 'reasonExplanation') return qualityChosen;
  if (key.startsWith('lines.')) return key.endsWith('industrial');
  return REQUIRED.has(key) || REQUIRED.has(key.split('.')[0]!);
}

/** A grid cell; `hint` names the text the hint line shows while the cell holds the focus. */
export function Cell({ hint, span = 8, children }: { hint?: string; span?: number; children: ReactNode }) {
  return <Col xs={24} md={span >= 16 ? 24 : 12} xl={span} data-hint={hint}>{children}</Col>;
}

/** A grey field: filled by the system, never typed into, skipped by Enter and Tab. */
export function SysField({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  const text = value === null || value === undefined || value === '' ? '' : String(value);
  return (
    <Form.Item label={label}>
      <Input readOnly tabIndex={-1} className="rt-f-sys" value={text} aria-label={label} data-testid={testId} title={text} />
    </Form.Item>
  );
}
