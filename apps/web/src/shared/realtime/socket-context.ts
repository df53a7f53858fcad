import { createContext } from 'react';
import type { TvaersSocket } from '@web/api/socket-client';

export const SocketContext = createContext<TvaersSocket | null>(null);
