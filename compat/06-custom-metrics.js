// expect: exit=0 iterations=5 orders=10 order_value.max=50 order_value.min=10 paid.value=0.6 queue_depth.value=5
// Custom Counter, Trend, Rate and Gauge, with a threshold on one of them.
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const orders = new Counter('orders');
const orderValue = new Trend('order_value');
const paid = new Rate('paid');
const queueDepth = new Gauge('queue_depth');

export const options = {
  vus: 1,
  iterations: 5,
  thresholds: { orders: ['count>=10'], order_value: ['avg<100'] },
};

export default function () {
  orders.add(2, { shop: 'web' });
  orderValue.add((__ITER + 1) * 10);
  paid.add(__ITER < 3);
  queueDepth.add(__ITER + 1);
}
