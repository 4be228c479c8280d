import { dingtalkSignature, signDingtalkUrl } from './dingtalk-sign';

describe('DingTalk 加签', () => {
  // Expected value computed outside Node:
  //   printf '1700000000000\nSEC0123456789abcdef' | openssl dgst -sha256 -hmac 'SEC0123456789abcdef' -binary | base64
  const secret = 'SEC0123456789abcdef';
  const timestamp = 1_700_000_000_000;

  it('is base64(HMAC-SHA256(secret, timestamp + "\\n" + secret))', () => {
    expect(dingtalkSignature(timestamp, secret)).toBe('TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=');
  });

  it('appends timestamp and the URL-encoded sign to the access_token URL', () => {
    expect(signDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, timestamp)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000' +
        '&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D',
    );
  });
});
