import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('team')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  municipality: string;

  @Column('text')
  name: string;
}
