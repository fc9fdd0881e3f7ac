import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends email over SMTP when SMTP_URL is configured; without it, notifications stay in-app only. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    this.logger.log(`mail sent to ${mail.to}: ${mail.subject}`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
