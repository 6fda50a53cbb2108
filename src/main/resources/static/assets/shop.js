// The shop: catalogue with live stock, the top 5, coupons, cart, checkout, orders and balance.
// Routes are URL fragments (#/products/1); each view reads what it shows from the API.
'use strict';

(() => {
  const { api, h, won, when, attempt, showNotice } = Commerce;
  const view = document.getElementById('view');
  const STATUS = { PENDING_PAYMENT: '결제 대기', PAID: '결제 완료', EXPIRED: '기한 만료', CANCELLED: '취소됨' };
  const LEDGER = { CHARGE: '충전', PAYMENT: '결제', REFUND: '환불' };
  const COUPON_STATUS = { AVAILABLE: '사용 가능', USED: '사용함', EXPIRED: '만료' };
  let streams = [];
  let timers = [];

  function userId() {
    const claims = Commerce.claims();
    return claims ? claims.userId : null;
  }

  /** Opens a live stream; it is closed when the person leaves the view. */
  function watch(path, eventName, onValue) {
    const source = new EventSource(path);
    source.addEventListener(eventName, event => onValue(JSON.parse(event.data)));
    streams.push(source);
    return source;
  }

  function leaveView() {
    streams.forEach(source => source.close());
    timers.forEach(clearInterval);
    streams = [];
    timers = [];
  }

  function needsSignIn() {
    view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, '로그인이 필요합니다'),
      h('p', {}, '위의 "데모 로그인"으로 로그인하거나 토큰을 붙여넣으세요.')));
  }

  function discountText(coupon) {
    if (coupon.discountType === 'PERCENT') {
      return `${coupon.discountValue}% 할인` + (coupon.maxDiscountAmount ? ` (최대 ${won(coupon.maxDiscountAmount)})` : '');
    }
    return `${won(coupon.discountValue)} 할인`;
  }

  // ---- catalogue ----

  async function catalog(page) {
    const [top, products] = await Promise.all([
      api('GET', '/api/v1/products/top?days=3&limit=5', undefined, { anonymous: true }),
      api('GET', `/api/v1/products?page=${page}&size=12`, undefined, { anonymous: true })]);
    const ranking = h('section', { class: 'card', 'data-testid': 'top-products' }, h('h2', {}, '인기 상품 (최근 3일 TOP 5)'),
      top.length === 0 ? h('p', {}, '아직 판매된 상품이 없습니다.')
        : h('ol', {}, top.map(entry => h('li', {}, h('a', { href: `#/products/${entry.productId}` }, entry.name),
          ` ${entry.quantitySold}개 판매`))));
    const grid = h('div', { class: 'grid', 'data-testid': 'product-grid' }, products.content.map(product =>
      h('a', { class: 'product', href: `#/products/${product.id}`, 'data-testid': `product-${product.id}` },
        h('h3', {}, product.name),
        h('p', { class: 'price' }, won(product.price)),
        h('ul', { class: 'options' }, product.options.map(option =>
          h('li', {}, `${option.name}: `, option.stock > 0 ? `재고 ${option.stock}` : h('span', { class: 'soldout' }, '품절')))))));
    const pager = h('p', { class: 'pager' },
      page > 0 ? h('a', { href: `#/?page=${page - 1}` }, '← 이전') : '',
      ` ${page + 1} / ${Math.max(products.totalPages, 1)} `,
      page + 1 < products.totalPages ? h('a', { href: `#/?page=${page + 1}` }, '다음 →') : '');
    view.replaceChildren(ranking, h('section', {}, h('h1', {}, '상품 목록'), grid, pager));
  }

  async function product(productId) {
    const current = await api('GET', `/api/v1/products/${productId}`, undefined, { anonymous: true });
    const title = h('h1', {}, current.name);
    const total = h('p', {}, '');
    const rows = h('tbody', {});
    const live = h('span', { class: 'live', 'data-testid': 'live-state' }, '실시간 연결 중…');
    const optionSelect = h('select', { 'aria-label': '옵션', 'data-testid': 'option-select' });
    const quantity = h('input', { type: 'number', min: '1', value: '1', class: 'narrow', 'aria-label': '수량',
      'data-testid': 'quantity' });

    function show(productNow) {
      title.textContent = productNow.name;
      total.replaceChildren('기본가 ', h('strong', {}, won(productNow.price)), ` · 전체 재고 `,
        h('span', { 'data-testid': 'product-stock' }, String(productNow.stock)));
      rows.replaceChildren(...productNow.options.map(option => h('tr', {},
        h('td', {}, option.name),
        h('td', {}, won(productNow.price + option.additionalPrice)),
        h('td', { 'data-testid': `option-stock-${option.id}` }, String(option.stock)))));
      const selected = optionSelect.value;
      optionSelect.replaceChildren(...productNow.options.map(option =>
        h('option', { value: option.id, disabled: option.stock <= 0 },
          `${option.name} (${won(productNow.price + option.additionalPrice)})`)));
      if (selected) {
        optionSelect.value = selected;
      }
    }
    show(current);
    const source = watch(`/api/v1/products/${productId}/events`, 'product', productNow => {
      live.textContent = '실시간 ● ' + new Date().toLocaleTimeString('ko-KR');
      show(productNow);
    });
    source.onerror = () => { live.textContent = '실시간 연결이 끊겼습니다 (다시 연결 중)'; };

    const line = () => ({ productId: current.id, optionId: Number(optionSelect.value), quantity: Number(quantity.value) });
    view.replaceChildren(h('section', { class: 'card' }, title, total, live,
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, '옵션'), h('th', {}, '가격'), h('th', {}, '재고'))), rows),
      h('div', { class: 'row' }, optionSelect, quantity,
        h('button', { type: 'button', 'data-testid': 'add-to-cart', onclick: () => attempt(async () => {
          if (!userId()) { return needsSignIn(); }
          const { productId: p, optionId, quantity: q } = line();
          const cart = await api('PUT', `/api/v1/users/${userId()}/cart/items`, { productId: p, optionId, quantity: q });
          showNotice(`장바구니에 담았습니다 (합계 ${won(cart.totalAmount)})`);
        }) }, '장바구니 담기'),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'buy-now', onclick: () => attempt(async () => {
          if (!userId()) { return needsSignIn(); }
          const order = await api('POST', '/api/v1/orders', { userId: userId(), items: [line()], payNow: true },
            { idempotencyKey: Commerce.newKey() });
          location.hash = `#/orders/${order.orderId}`;
        }) }, '바로 구매'))));
  }

  // ---- coupons ----

  async function coupons() {
    const list = h('div', { class: 'grid', 'data-testid': 'coupon-list' });
    // there is no list of coupons in the API: show the first ids until one is missing
    for (let id = 1; id <= 20; id++) {
      let coupon;
      try {
        coupon = await api('GET', `/api/v1/coupons/${id}`, undefined, { anonymous: true });
      } catch (missing) {
        if (missing.status === 404) { break; }
        throw missing;
      }
      list.append(couponCard(coupon));
    }
    const mine = h('section', { class: 'card' }, h('h2', {}, '내 쿠폰'));
    view.replaceChildren(h('h1', {}, '선착순 쿠폰'), list, mine);
    if (userId()) {
      const held = await api('GET', `/api/v1/users/${userId()}/coupons`);
      mine.append(held.length === 0 ? h('p', {}, '받은 쿠폰이 없습니다.') : h('ul', { 'data-testid': 'my-coupons' },
        held.map(c => h('li', {}, `${c.name} · ${discountText(c)} · ${COUPON_STATUS[c.status] || c.status} · ${when(c.expiresAt)}까지`))));
    } else {
      mine.append(h('p', {}, '로그인하면 받은 쿠폰이 보입니다.'));
    }
  }

  function couponCard(coupon) {
    const remaining = h('strong', { 'data-testid': `coupon-remaining-${coupon.id}` }, String(coupon.remainingQuantity));
    const claim = h('button', { type: 'button', class: 'primary', 'data-testid': `claim-coupon-${coupon.id}`,
      onclick: () => attempt(async () => {
        if (!userId()) { return needsSignIn(); }
        const issued = await api('POST', `/api/v1/users/${userId()}/coupons`, { couponId: coupon.id });
        showNotice(`쿠폰을 받았습니다: ${issued.name} (${when(issued.expiresAt)}까지)`);
        route();
      }) }, '쿠폰 받기');
    const show = current => {
      remaining.textContent = String(current.remainingQuantity);
      claim.disabled = current.remainingQuantity <= 0;
      claim.textContent = current.remainingQuantity <= 0 ? '매진' : '쿠폰 받기';
    };
    show(coupon);
    watch(`/api/v1/coupons/${coupon.id}/events`, 'coupon', show);
    return h('div', { class: 'product', 'data-testid': `coupon-${coupon.id}` }, h('h3', {}, coupon.name),
      h('p', {}, discountText(coupon)),
      h('p', {}, coupon.minOrderAmount > 0 ? `${won(coupon.minOrderAmount)} 이상 주문 시` : '최소 주문 금액 없음'),
      h('p', {}, '남은 수량 ', remaining, ` / ${coupon.totalQuantity}`), claim);
  }

  // ---- cart and checkout ----

  async function cart() {
    if (!userId()) { return needsSignIn(); }
    const [current, held] = await Promise.all([api('GET', `/api/v1/users/${userId()}/cart`),
      api('GET', `/api/v1/users/${userId()}/coupons?status=AVAILABLE`)]);
    if (current.items.length === 0) {
      view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, '장바구니'),
        h('p', { 'data-testid': 'cart-empty' }, '장바구니가 비어 있습니다.'), h('a', { href: '#/' }, '상품 보러 가기')));
      return;
    }
    const rows = current.items.map(item => {
      const quantity = h('input', { type: 'number', min: '1', value: item.quantity, class: 'narrow', 'aria-label': '수량',
        'data-testid': `cart-quantity-${item.optionId}` });
      return h('tr', { 'data-testid': `cart-line-${item.optionId}` },
        h('td', {}, `${item.productName} / ${item.optionName}`), h('td', {}, won(item.unitPrice)),
        h('td', {}, quantity, h('button', { type: 'button', 'data-testid': `cart-update-${item.optionId}`,
          onclick: () => attempt(async () => {
            await api('PUT', `/api/v1/users/${userId()}/cart/items`,
              { productId: item.productId, optionId: item.optionId, quantity: Number(quantity.value) });
            route();
          }) }, '변경')),
        h('td', {}, won(item.lineAmount)), h('td', {}, `재고 ${item.availableStock}`),
        h('td', {}, h('button', { type: 'button', 'data-testid': `cart-remove-${item.optionId}`,
          onclick: () => attempt(async () => {
            await api('DELETE', `/api/v1/users/${userId()}/cart/items/${item.optionId}`);
            route();
          }) }, '삭제')));
    });
    const coupon = h('select', { 'aria-label': '쿠폰', 'data-testid': 'checkout-coupon' }, h('option', { value: '' }, '쿠폰 없음'),
      held.map(c => h('option', { value: c.userCouponId }, `${c.name} · ${discountText(c)}`)));
    const payNow = h('input', { type: 'radio', name: 'pay', value: 'now', checked: true, 'data-testid': 'pay-now' });
    const reserve = h('input', { type: 'radio', name: 'pay', value: 'later', 'data-testid': 'pay-later' });
    view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, '장바구니'),
      h('table', {}, h('thead', {}, h('tr', {}, ['상품', '단가', '수량', '금액', '재고', ''].map(t => h('th', {}, t)))),
        h('tbody', {}, rows)),
      h('p', { class: 'total' }, '합계 ', h('strong', { 'data-testid': 'cart-total' }, won(current.totalAmount)))),
    h('section', { class: 'card' }, h('h2', {}, '주문하기'),
      h('p', {}, h('label', {}, '쿠폰 ', coupon)),
      h('p', {}, h('label', {}, payNow, ' 지금 결제 (잔액에서 바로 결제)'), ' ',
        h('label', {}, reserve, ' 예약 후 결제 (재고를 잡아 두고 제한 시간 안에 결제)')),
      h('button', { type: 'button', class: 'primary', 'data-testid': 'place-order', onclick: () => attempt(async () => {
        const order = await api('POST', '/api/v1/orders', { userId: userId(), fromCart: true, payNow: payNow.checked,
          userCouponId: coupon.value ? Number(coupon.value) : null }, { idempotencyKey: Commerce.newKey() });
        location.hash = `#/orders/${order.orderId}`;
      }) }, '주문하기')));
  }

  // ---- orders ----

  async function orders() {
    if (!userId()) { return needsSignIn(); }
    const page = await api('GET', `/api/v1/users/${userId()}/orders?size=20`);
    view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, '주문 내역'),
      page.content.length === 0 ? h('p', {}, '주문이 없습니다.') : h('table', { 'data-testid': 'order-list' },
        h('thead', {}, h('tr', {}, ['주문', '상태', '금액', '결제 금액', '주문 시각'].map(t => h('th', {}, t)))),
        h('tbody', {}, page.content.map(order => h('tr', {},
          h('td', {}, h('a', { href: `#/orders/${order.orderId}` }, order.orderId)),
          h('td', { 'data-testid': `order-status-${order.orderId}` }, STATUS[order.status] || order.status),
          h('td', {}, won(order.totalAmount)), h('td', {}, won(order.paidAmount)), h('td', {}, when(order.createdAt))))))));
  }

  async function order(orderId) {
    const current = await api('GET', `/api/v1/orders/${encodeURIComponent(orderId)}`);
    const actions = h('div', { class: 'row' });
    if (current.status === 'PENDING_PAYMENT') {
      const left = h('strong', { 'data-testid': 'payment-timer' }, '');
      const coupon = h('select', { 'aria-label': '쿠폰', 'data-testid': 'payment-coupon' },
        h('option', { value: '' }, '쿠폰 없음'),
        (current.usableCoupons || []).map(c => h('option', { value: c.userCouponId, selected: c.userCouponId === current.userCouponId },
          `${c.name} (-${won(c.discountAmount)})`)));
      const pay = h('button', { type: 'button', class: 'primary', 'data-testid': 'pay-order', onclick: () => attempt(async () => {
        await api('POST', `/api/v1/orders/${encodeURIComponent(orderId)}/payment`,
          { userCouponId: coupon.value ? Number(coupon.value) : null }, { idempotencyKey: Commerce.newKey() });
        showNotice('결제했습니다.');
        route();
      }) }, '결제하기');
      const tick = () => {
        const seconds = Math.max(0, Math.floor((new Date(current.expiresAt) - Date.now()) / 1000));
        left.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
        if (seconds === 0) {
          left.textContent = '결제 기한이 지났습니다';
          pay.disabled = true;
        }
      };
      tick();
      timers.push(setInterval(tick, 1000));
      actions.append(h('span', {}, '남은 결제 시간 ', left), coupon, pay);
    }
    if (current.status === 'PENDING_PAYMENT' || current.status === 'PAID') {
      actions.append(h('button', { type: 'button', class: 'danger', 'data-testid': 'cancel-order', onclick: () => attempt(async () => {
        const cancelled = await api('POST', `/api/v1/orders/${encodeURIComponent(orderId)}/cancel`, undefined,
          { idempotencyKey: Commerce.newKey() });
        showNotice(cancelled.paidAmount > 0 ? `주문을 취소했습니다. ${won(cancelled.paidAmount)}을(를) 잔액으로 환불했습니다.`
          : '주문을 취소했습니다.');
        route();
      }) }, '주문 취소'));
    }
    view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, '주문 상세'),
      h('p', {}, '주문 번호 ', h('code', { 'data-testid': 'order-id' }, current.orderId)),
      h('p', {}, '상태 ', h('strong', { 'data-testid': 'order-status' }, STATUS[current.status] || current.status)),
      h('table', {}, h('thead', {}, h('tr', {}, ['상품', '단가', '수량', '금액'].map(t => h('th', {}, t)))),
        h('tbody', {}, current.items.map(item => h('tr', {}, h('td', {}, `${item.productName} / ${item.optionName}`),
          h('td', {}, won(item.unitPrice)), h('td', {}, String(item.quantity)), h('td', {}, won(item.lineAmount)))))),
      h('dl', { class: 'amounts' },
        h('dt', {}, '주문 금액'), h('dd', { 'data-testid': 'order-total' }, won(current.totalAmount)),
        h('dt', {}, '할인'), h('dd', { 'data-testid': 'order-discount' }, won(current.discountAmount)),
        h('dt', {}, '결제 금액'), h('dd', { 'data-testid': 'order-paid' }, won(current.paidAmount)),
        h('dt', {}, '주문 시각'), h('dd', {}, when(current.createdAt)),
        current.paidAt ? [h('dt', {}, '결제 시각'), h('dd', {}, when(current.paidAt))] : [],
        current.cancelledAt ? [h('dt', {}, '취소 시각'), h('dd', {}, when(current.cancelledAt))] : []),
      actions));
  }

  // ---- balance ----

  async function balance() {
    if (!userId()) { return needsSignIn(); }
    const [current, history] = await Promise.all([api('GET', `/api/v1/users/${userId()}/balance`),
      api('GET', `/api/v1/users/${userId()}/balance/transactions?size=20`)]);
    const amount = h('input', { type: 'number', min: '1000', step: '1000', value: '10000', 'aria-label': '충전 금액',
      'data-testid': 'charge-amount' });
    view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, '잔액'),
      h('p', { class: 'total' }, h('strong', { 'data-testid': 'balance' }, won(current.balance))),
      h('div', { class: 'row' }, amount, h('button', { type: 'button', class: 'primary', 'data-testid': 'charge',
        onclick: () => attempt(async () => {
          const charged = await api('POST', `/api/v1/users/${userId()}/balance/charge`, { amount: Number(amount.value) },
            { idempotencyKey: Commerce.newKey() });
          showNotice(`${won(charged.chargedAmount)} 충전했습니다.`);
          route();
        }) }, '충전하기'))),
    h('section', { class: 'card' }, h('h2', {}, '거래 내역'),
      history.content.length === 0 ? h('p', {}, '거래가 없습니다.') : h('table', { 'data-testid': 'ledger' },
        h('thead', {}, h('tr', {}, ['종류', '금액', '거래 후 잔액', '주문', '시각'].map(t => h('th', {}, t)))),
        h('tbody', {}, history.content.map(entry => h('tr', {}, h('td', {}, LEDGER[entry.type] || entry.type),
          h('td', { class: entry.amount < 0 ? 'minus' : 'plus' }, won(entry.amount)), h('td', {}, won(entry.balanceAfter)),
          h('td', {}, entry.orderId ? h('a', { href: `#/orders/${entry.orderId}` }, entry.orderId) : '-'),
          h('td', {}, when(entry.createdAt))))))));
  }

  // ---- routing ----

  async function route() {
    leaveView();
    const [path, query] = (location.hash.replace(/^#/, '') || '/').split('?');
    const parts = path.split('/').filter(Boolean);
    const params = new URLSearchParams(query || '');
    try {
      if (parts.length === 0) {
        await catalog(Math.max(0, Number(params.get('page')) || 0));
      } else if (parts[0] === 'products' && parts[1]) {
        await product(parts[1]);
      } else if (parts[0] === 'coupons') {
        await coupons();
      } else if (parts[0] === 'cart') {
        await cart();
      } else if (parts[0] === 'orders' && parts[1]) {
        await order(decodeURIComponent(parts[1]));
      } else if (parts[0] === 'orders') {
        await orders();
      } else if (parts[0] === 'balance') {
        await balance();
      } else {
        view.replaceChildren(h('p', {}, '없는 페이지입니다. '), h('a', { href: '#/' }, '상품 목록으로'));
      }
    } catch (problem) {
      Commerce.showProblem(problem);
      view.replaceChildren(h('p', {}, '이 페이지를 불러오지 못했습니다. 위의 안내를 확인하세요. '),
        h('a', { href: '#/' }, '상품 목록으로'));
    }
  }

  window.addEventListener('hashchange', () => {
    Commerce.clearMessages();
    route();
  });
  Session.render(['USER'], route);
  route();
})();
