/** Settings read from the environment: a value that is not a whole number above zero is ignored. */
async function settingsWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import('./site')).siteConfig;
}

afterEach(() => vi.unstubAllEnvs());

describe('siteConfig', () => {
  it('takes the page sizes the environment gives', async () => {
    const config = await settingsWith({ MASTHEAD_PAGE_SIZE: '2', MASTHEAD_LIVE_PAGE_SIZE: '5' });
    expect(config.pageSize).toBe(2);
    expect(config.liveEntriesPerPage).toBe(5);
  });

  it.each(['', 'abc', '0', '-3', '2.5', 'NaN', '1e400'])(
    'keeps the default for a page size of %j, never NaN or zero',
    async (value) => {
      const config = await settingsWith({
        MASTHEAD_PAGE_SIZE: value,
        MASTHEAD_LIVE_PAGE_SIZE: value,
      });
      expect(config.pageSize).toBe(20);
      expect(config.liveEntriesPerPage).toBe(20);
    },
  );
});
