import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from './Field';

describe('TextField', () => {
  it('labels the control and links the error so assistive technology reads it', () => {
    render(<TextField label="Slug" hint="a-z and '-'" error="is already taken" defaultValue="acme" />);
    const input = screen.getByLabelText('Slug');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(["a-z and '-'", 'Slug: is already taken']);
  });

  it('is not marked invalid without an error', () => {
    render(<TextField label="Name" />);
    const input = screen.getByLabelText('Name');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});
