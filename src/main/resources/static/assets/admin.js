// The admin page: products, stock, prices and coupons through /api/v1/admin, the latest
// consistency check and the outbox backlog (the dataPlatform health component's details).
'use strict';

(() => {
  const { api, h, when, attempt, showNotice } = Commerce;
  const result = document.getElementById('result');

  const number = value => (value === '' || value === null ? null : Number(value));
  const show = (message, body) => {
    showNotice(message);
    result.textContent = JSON.stringify(body, null, 2);
  };

  /** Runs a form's action on submit, showing the answer or the refusal. */
  function onSubmit(id, action) {
    const form = document.getElementById(id);
    form.addEventListener('submit', event => {
      event.preventDefault();
      attempt(() => action(Object.fromEntries(new FormData(form))));
    });
  }

  onSubmit('create-product', async fields => {
    const options = fields.options.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
      const [name, additionalPrice, stock] = line.split(',').map(part => part.trim());
      return { name, additionalPrice: number(additionalPrice), stock: number(stock) };
    });
    const product = await api('POST', '/api/v1/admin/products', { name: fields.name, price: number(fields.price), options });
    show(`상품 ${product.id}번을 등록했습니다.`, product);
  });

  onSubmit('restock', async fields => {
    const product = await api('POST',
      `/api/v1/admin/products/${number(fields.productId)}/options/${number(fields.optionId)}/restock`,
      { quantity: number(fields.quantity) });
    show(`재고를 추가했습니다. 전체 재고 ${product.stock}`, product);
  });

  onSubmit('reprice', async fields => {
    const product = await api('PUT', `/api/v1/admin/products/${number(fields.productId)}`,
      { name: fields.name, price: number(fields.price) });
    show(`상품 ${product.id}번을 변경했습니다.`, product);
  });

  onSubmit('create-coupon', async fields => {
    const coupon = await api('POST', '/api/v1/admin/coupons', {
      name: fields.name, discountType: fields.discountType, discountValue: number(fields.discountValue),
      maxDiscountAmount: number(fields.maxDiscountAmount), minOrderAmount: number(fields.minOrderAmount) ?? 0,
      totalQuantity: number(fields.totalQuantity), validDays: number(fields.validDays),
    });
    show(`쿠폰 ${coupon.id}번을 만들었습니다.`, coupon);
  });

  function showCheck(check) {
    const box = document.getElementById('consistency');
    box.replaceChildren(
      h('p', {}, `마지막 점검 ${when(check.checkedAt)}: `,
        h('strong', { 'data-testid': 'consistency-clean' }, check.clean ? '이상 없음' : `위반 ${check.violations.length}건`)),
      check.violations.length === 0 ? '' : h('ul', {}, check.violations.map(v => h('li', {}, `${v.check} · ${v.subject}: ${v.detail}`))));
  }

  async function refreshOps() {
    try {
      showCheck(await api('GET', '/api/v1/admin/consistency-checks/latest'));
    } catch (problem) {
      if (problem.status !== 404) {
        throw problem;
      }
      document.getElementById('consistency').replaceChildren(h('p', {}, '아직 점검 결과가 없습니다.'));
    }
    // a component that is DOWN (Kafka unreachable) makes the whole answer a 503, still with its details
    const health = await api('GET', '/actuator/health', undefined, { okStatuses: [503] });
    const dataPlatform = (health.components || {}).dataPlatform;
    const details = (dataPlatform && dataPlatform.details) || {};
    document.getElementById('backlog').textContent = details.unpublishedEvents === undefined
      ? '알 수 없음 (관리자 토큰 필요)' : `${details.unpublishedEvents}건` +
        (details.oldestUnpublishedEventAge ? ` (가장 오래된 것 ${details.oldestUnpublishedEventAge})` : '');
  }

  document.getElementById('refresh-ops').addEventListener('click', () => attempt(refreshOps));
  document.getElementById('run-check').addEventListener('click', () => attempt(async () => {
    const check = await api('POST', '/api/v1/admin/consistency-checks');
    showCheck(check);
    show('점검을 마쳤습니다.', check);
  }));

  const signedIn = () => {
    if (Commerce.claims()) {
      attempt(refreshOps);
    }
  };
  Session.render(['ADMIN'], signedIn);
  signedIn();
})();
