// Sign-in box shared by the shop and the admin page: a demo user from the local run's development
// tokens, or a pasted token where those are off.
'use strict';

const Session = (() => {
  const { h } = Commerce;

  /** Renders the sign-in state into #session; onChange runs after signing in or out. */
  function render(defaultRoles, onChange) {
    const box = document.getElementById('session');
    const claims = Commerce.claims();
    if (claims) {
      box.replaceChildren(
        h('span', { 'data-testid': 'signed-in-as' }, `사용자 ${claims.userId} (${claims.roles.join(', ')})`),
        h('button', { type: 'button', 'data-testid': 'sign-out', onclick: () => {
          Commerce.signOut();
          render(defaultRoles, onChange);
          onChange();
        } }, '로그아웃'));
      return;
    }
    const userId = h('input', { type: 'number', min: '1', value: defaultRoles.includes('ADMIN') ? '1000000' : '1',
      'aria-label': '사용자 번호', 'data-testid': 'demo-user-id', class: 'narrow' });
    const pasted = h('input', { type: 'text', placeholder: '토큰 붙여넣기', 'aria-label': '토큰',
      'data-testid': 'token-input' });
    box.replaceChildren(
      h('label', {}, '데모 사용자 ', userId),
      h('button', { type: 'button', 'data-testid': 'demo-sign-in', onclick: () => Commerce.attempt(async () => {
        Commerce.signIn(await Commerce.demoToken(Number(userId.value), defaultRoles));
        render(defaultRoles, onChange);
        onChange();
      }) }, '데모 로그인'),
      pasted,
      h('button', { type: 'button', 'data-testid': 'token-sign-in', onclick: () => Commerce.attempt(async () => {
        Commerce.signIn(pasted.value.trim());
        render(defaultRoles, onChange);
        onChange();
      }) }, '토큰으로 로그인'));
  }

  return { render };
})();
