import { useId, useState } from 'react';

/** A button that shows and hides a part of the page: whether it is open, and the attributes that tie the two. */
export function useDisclosure() {
  const id = useId();
  const [open, setOpen] = useState(false);
  return {
    open,
    button: { 'aria-expanded': open, 'aria-controls': id, onClick: () => setOpen(!open) },
    panel: { id, hidden: !open },
  };
}
