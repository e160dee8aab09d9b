// The API key (Bearer) sent with every request once the server has keys; kept for this browser tab only.
import { useState } from 'preact/hooks';

const storageKey = 'earmark.operatorKey';

export function operatorHeaders(): Record<string, string> {
  const k = sessionStorage.getItem(storageKey);
  return k ? { authorization: `Bearer ${k}` } : {};
}

export function OperatorKey() {
  const [value, setValue] = useState(() => sessionStorage.getItem(storageKey) ?? '');
  return (
    <label class="operator-key">
      API key
      <input
        type="password"
        autocomplete="off"
        placeholder="none on a local server"
        value={value}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setValue(v);
          sessionStorage.setItem(storageKey, v);
        }}
      />
    </label>
  );
}
