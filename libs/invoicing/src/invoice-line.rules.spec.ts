import { lineText } from './invoice-line.rules';

describe('lineText: the texts of a stored invoice line, in either form', () => {
  it('a new line keeps description and calculation apart, as stored', () => {
    expect(
      lineText({
        description: 'Luisterend oor 01-01-2025 t/m 31-12-2025: Assen (GM0106)',
        calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500',
      }),
    ).toEqual({
      description: 'Luisterend oor 01-01-2025 t/m 31-12-2025: Assen (GM0106)',
      calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500',
    });
  });

  it('a new line may have an empty calculation, and a description with " | " in it is not split', () => {
    expect(lineText({ description: 'Afronding | correctie', calculation: '' })).toEqual({
      description: 'Afronding | correctie',
      calculation: '',
    });
  });

  it('an old line (calculation null) is split at its first " | "', () => {
    expect(
      lineText({
        description: 'Luisterend oor 01-01-2025 t/m 31-12-2025: Assen (GM0106) | 69.701 inwoners x EUR 0,2500',
        calculation: null,
      }),
    ).toEqual({
      description: 'Luisterend oor 01-01-2025 t/m 31-12-2025: Assen (GM0106)',
      calculation: '69.701 inwoners x EUR 0,2500',
    });
  });

  it('an old line without " | " is all description, with an empty calculation', () => {
    expect(lineText({ description: 'Eenmalige correctie', calculation: null })).toEqual({
      description: 'Eenmalige correctie',
      calculation: '',
    });
  });

  it('an old line with a second " | " reads the calculation up to it, as the readers always did', () => {
    expect(lineText({ description: 'Luisterend oor | Assen | 2025', calculation: null })).toEqual({
      description: 'Luisterend oor',
      calculation: 'Assen',
    });
  });

  it('an old line ending in " | " has an empty calculation', () => {
    expect(lineText({ description: 'Afronding | ', calculation: null })).toEqual({
      description: 'Afronding',
      calculation: '',
    });
  });
});
