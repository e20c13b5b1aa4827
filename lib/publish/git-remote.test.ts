import { gitRemote, redactCredentials } from './git-remote';

const TOKEN = 'ghs_s3cretT0ken';

describe('PUBLISH_REMOTE with a credential', () => {
  it('gives git the URL without the credential, and the credential in its environment', () => {
    const remote = gitRemote(`https://x-access-token:${TOKEN}@github.com/newsroom/content.git`);
    expect(remote.url).toBe('https://github.com/newsroom/content.git');
    expect(remote.env).toMatchObject({
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'credential.helper',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'credential.https://github.com.helper',
      MASTHEAD_GIT_USERNAME: 'x-access-token',
      MASTHEAD_GIT_PASSWORD: TOKEN,
    });
    // The helper reads the credential from the environment: the token is in no config value.
    expect(remote.env.GIT_CONFIG_VALUE_1).not.toContain(TOKEN);
  });

  it('decodes a credential written percent-encoded', () => {
    const remote = gitRemote('https://user%40desk:p%2Fss%3Aword@git.example.org/c.git');
    expect(remote.env).toMatchObject({
      MASTHEAD_GIT_USERNAME: 'user@desk',
      MASTHEAD_GIT_PASSWORD: 'p/ss:word',
    });
  });

  it("adds its entries after the operator's own GIT_CONFIG_* ones", () => {
    const remote = gitRemote(`https://u:${TOKEN}@github.com/o/r.git`, { GIT_CONFIG_COUNT: '3' });
    expect(remote.env).toMatchObject({
      GIT_CONFIG_COUNT: '5',
      GIT_CONFIG_KEY_3: 'credential.helper',
      GIT_CONFIG_KEY_4: 'credential.https://github.com.helper',
    });
  });

  it('refuses a credential that would add lines to what the helper says', () => {
    expect(() => gitRemote('https://u:a%0Ahost=evil.example@github.com/o/r.git')).toThrow(
      'the credential in PUBLISH_REMOTE contains control characters',
    );
  });

  it.each([
    '/srv/git/content.git',
    'git@github.com:newsroom/content.git',
    'https://github.com/newsroom/content.git',
  ])('leaves a remote without a credential as it is: %s', (url) => {
    expect(gitRemote(url)).toEqual({ url, env: {} });
  });

  it('redacts every credential in a message, a password with an @ in it too', () => {
    expect(
      redactCredentials(
        `fatal: unable to access 'https://x-access-token:${TOKEN}@github.com/o/r.git/' and http://u:p@ss@127.0.0.1:9/r.git`,
      ),
    ).toBe(
      "fatal: unable to access 'https://***@github.com/o/r.git/' and http://***@127.0.0.1:9/r.git",
    );
  });
});
