import { buildGetByIdRequest } from '../../../src/graph/odata';
import { credentialUsageSummary } from '../../../src/reports/summaries';
import { credentialUserRegistrationDetails as registrations } from '../../../src/reports/registrationDetails';

describe('buildGetByIdRequest', () => {
  it('appends the id as one percent-encoded path segment', () => {
    expect(buildGetByIdRequest(registrations, '8c5a5e6b-9f43-4c1e-9b6d-1f2a3b4c5d6e')).toEqual({
      method: 'GET', version: 'beta', url: '/reports/credentialUserRegistrationDetails/8c5a5e6b-9f43-4c1e-9b6d-1f2a3b4c5d6e',
    });
    expect(buildGetByIdRequest(registrations, "d'e é%").url).toBe('/reports/credentialUserRegistrationDetails/d%27e%20%C3%A9%25');
  });

  it('keeps dots inside an id but refuses the dot segments', () => {
    expect(buildGetByIdRequest(registrations, 'a..b').url).toBe('/reports/credentialUserRegistrationDetails/a..b');
    for (const id of ['.', '..']) {
      expect(() => buildGetByIdRequest(registrations, id)).toThrow(`but got: ${JSON.stringify(id)}`);
    }
  });

  it('refuses empty, over-long, control-character and URL-delimiter ids, naming the rule', () => {
    expect(buildGetByIdRequest(registrations, 'x'.repeat(256)).url).toHaveLength('/reports/credentialUserRegistrationDetails/'.length + 256);
    for (const id of ['', 'x'.repeat(257), 'a\nb', 'a\u0000', 'a\ud800', 'a/b', 'a\\b', 'a?b', 'a#b']) {
      expect(() => buildGetByIdRequest(registrations, id)).toThrow(
        '`id` of credentialUserRegistrationDetails accepts 1 to 256 characters, no control characters, no `/`, `\\`, `?` or `#`, not `.` or `..`, but got: ',
      );
    }
  });

  it('refuses reports that are not addressable by id', () => {
    expect(() => buildGetByIdRequest(credentialUsageSummary, 'x')).toThrow(
      'credentialUsageSummary is not addressable by id, but got a request for: "x"',
    );
  });
});
