import { adminPassword, configurationProblems, previewSecret } from './secret-settings';

describe('secret settings', () => {
  it('turns an area on only with a secret of at least 12 characters', () => {
    expect(adminPassword({})).toEqual({ state: 'off' });
    expect(adminPassword({ ADMIN_PASSWORD: '' })).toEqual({ state: 'off' });
    expect(adminPassword({ ADMIN_PASSWORD: 'hunter2' })).toEqual({ state: 'too-short', length: 7 });
    expect(adminPassword({ ADMIN_PASSWORD: '12345678901' }).state).toBe('too-short');
    expect(adminPassword({ ADMIN_PASSWORD: '123456789012' })).toEqual({
      state: 'on',
      value: '123456789012',
    });
    expect(previewSecret({ PREVIEW_SECRET: 'short' }).state).toBe('too-short');
    expect(previewSecret({ PREVIEW_SECRET: 'a long enough secret' }).state).toBe('on');
  });

  it('counts characters, not UTF-16 code units', () => {
    // Six emoji are twelve UTF-16 units but six characters.
    expect(adminPassword({ ADMIN_PASSWORD: '🔑🔑🔑🔑🔑🔑' })).toEqual({
      state: 'too-short',
      length: 6,
    });
  });

  it('names each refused setting, and only those', () => {
    expect(configurationProblems({})).toEqual([]);
    expect(
      configurationProblems({ ADMIN_PASSWORD: 'a long enough password', PREVIEW_SECRET: 'x' }),
    ).toEqual(['PREVIEW_SECRET has 1 character; it needs at least 12, so preview stays off.']);
    const both = configurationProblems({ ADMIN_PASSWORD: 'admin', PREVIEW_SECRET: 'preview' });
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/^ADMIN_PASSWORD has 5 characters; .* the admin area stays off/);
  });
});
